namespace OperationsCenter.TimeSeries.Spool;

/// <summary>An append the spool could not take: its size limit is reached or the disk is full. Nothing was written.</summary>
public sealed class SpoolFullException(string message, bool diskFull, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the file system refused the write, false when the configured limit did.</summary>
    public bool DiskFull { get; } = diskFull;
}
