namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// A change people make (an acknowledgement) could not be stored, so it was not made: the caller is told to try
/// again rather than shown a change that a restart would lose.
/// </summary>
[GenerateSerializer]
public sealed class AlertStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlertStoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AlertStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AlertStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
