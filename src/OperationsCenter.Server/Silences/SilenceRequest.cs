namespace OperationsCenter.Server.Silences;

/// <summary>A new silence; every field is required. Its author is the signed-in administrator.</summary>
public sealed record SilenceRequest(
    IReadOnlyDictionary<string, string>? Matchers, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Comment);
