namespace OperationsCenter.Server.Silences;

/// <summary>A new silence; every field is required.</summary>
public sealed record SilenceRequest(
    IReadOnlyDictionary<string, string>? Matchers, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Author, string? Comment);
