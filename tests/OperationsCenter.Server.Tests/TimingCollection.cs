namespace OperationsCenter.Server.Tests;

/// <summary>
/// Tests whose outcome depends on the server keeping pace (a rate offered, a wait measured): they run after the rest of
/// this assembly, alone, so the other tests' servers do not take the CPU they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
