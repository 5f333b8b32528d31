using System.Globalization;

namespace OperationsCenter.Testing.Fuzz;

/// <summary>
/// The seed of a fuzz run: <c>OC_FUZZ_SEED</c> when set (to replay a failure), otherwise a new one each run so runs
/// cover new ground. Tests print it and put it in every failure message.
/// </summary>
public static class FuzzSeed
{
    /// <summary>The environment variable that fixes the seed.</summary>
    public const string Variable = "OC_FUZZ_SEED";

    /// <summary>The seed for this run.</summary>
    public static int Next() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    /// <summary>How to replay a run, for output and failure messages.</summary>
    public static string Replay(int seed) => $"fuzz seed {seed} (replay with {Variable}={seed})";
}
