namespace OperationsCenter.Server.Ingest;

/// <summary>What one request's body yielded.</summary>
/// <param name="Accepted">Points accepted.</param>
/// <param name="Problems">Lines refused, in body order.</param>
public sealed record IngestResult(int Accepted, IReadOnlyList<LineProblem> Problems)
{
    /// <summary>Every line was refused and each for naming another department: the whole body was not the key's to write.</summary>
    public bool WhollyForeign => Accepted == 0 && Problems.Count > 0 && Problems.All(p => p.Foreign);
}
