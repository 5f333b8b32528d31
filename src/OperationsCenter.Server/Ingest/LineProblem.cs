namespace OperationsCenter.Server.Ingest;

/// <summary>A line that was not accepted.</summary>
/// <param name="Line">1-based line number in the body (for JSON feeds, the point's index).</param>
/// <param name="Message">What is wrong and what to fix, without the line number.</param>
/// <param name="Foreign">True when the line was refused for naming another department.</param>
public sealed record LineProblem(int Line, string Message, bool Foreign)
{
    /// <summary>The line (point, row) as sent, for the department's list of refused lines; null when not kept.</summary>
    public string? Text { get; init; }
}
