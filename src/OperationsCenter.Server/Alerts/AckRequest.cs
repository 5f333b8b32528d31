namespace OperationsCenter.Server.Alerts;

/// <summary>Body of an acknowledgement: who takes the alert and why.</summary>
/// <param name="Author">The operator's name (until sign-in exists, the client says who it is).</param>
/// <param name="Note">What is being done about it.</param>
public sealed record AckRequest(string? Author, string? Note);
