namespace OperationsCenter.Grains.Storage;

/// <summary>Versions of stored states: 16 hex digits, random, so no counter has to be read before a write.</summary>
public static class StateVersion
{
    /// <summary>The length of every version.</summary>
    public const int Length = 16;

    /// <summary>A new version.</summary>
    public static string New() => System.Security.Cryptography.RandomNumberGenerator.GetHexString(Length, lowercase: true);
}
