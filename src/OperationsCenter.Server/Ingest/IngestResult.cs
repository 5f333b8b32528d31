namespace OperationsCenter.Server.Ingest;

/// <summary>What one request's body yielded.</summary>
/// <param name="Accepted">Points accepted.</param>
/// <param name="Problems">Lines refused, in body order.</param>
/// <param name="TooManyLines">The body held more lines than a request may; nothing of it was read or stored.</param>
public sealed record IngestResult(int Accepted, IReadOnlyList<LineProblem> Problems, bool TooManyLines = false)
{
    /// <summary>The result for a body over the lines-per-request limit.</summary>
    public static IngestResult OverLineLimit { get; } = new(0, [], TooManyLines: true);

    /// <summary>Every line was refused and each for naming another department: the whole body was not the key's to write.</summary>
    public bool WhollyForeign => Accepted == 0 && Problems.Count > 0 && Problems.All(p => p.Foreign);
}
