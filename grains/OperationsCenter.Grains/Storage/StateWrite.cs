namespace OperationsCenter.Grains.Storage;

/// <summary>The outcome of a checked write.</summary>
/// <param name="Written">False when the stored version was not the one expected.</param>
/// <param name="Version">The version now stored (the new one, or the one that conflicted; null when none).</param>
public readonly record struct StateWrite(bool Written, string? Version);
