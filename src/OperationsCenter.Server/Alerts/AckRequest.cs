namespace OperationsCenter.Server.Alerts;

/// <summary>Body of an acknowledgement; who takes the alert is the signed-in person.</summary>
/// <param name="Note">What is being done about it.</param>
public sealed record AckRequest(string? Note)
{
    /// <summary>Longest note kept.</summary>
    public const int MaxNoteLength = 2000;
}
