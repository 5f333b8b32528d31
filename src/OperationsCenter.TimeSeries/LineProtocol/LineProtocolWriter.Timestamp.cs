using System.Buffers;

namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>Ending a line for the ingest path.</summary>
public static partial class LineProtocolWriter
{
    /// <summary>Writes <c> timestamp\n</c> in nanoseconds, ending the line.</summary>
    public static void WriteTimestamp(IBufferWriter<byte> output, long nanoseconds)
    {
        output.Write(" "u8);
        WriteFormatted(output, nanoseconds);
        output.Write("\n"u8);
    }
}
