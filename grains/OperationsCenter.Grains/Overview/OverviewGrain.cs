using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Departments;

namespace OperationsCenter.Grains.Overview;

/// <summary>
/// Every department's status. On activation, and every <see cref="WakeInterval"/> after, it wakes each configured
/// department, so departments that never report still run their freshness timers and show as silent, and in a
/// cluster a department whose grain went down with its node comes back (its timers with it: a silent unit's deadman)
/// though no point of it arrives.
/// </summary>
public sealed class OverviewGrain(IOptionsMonitor<DepartmentDirectoryOptions> directory, LiveStateClock clock)
    : Grain, IOverviewGrain
{
    /// <summary>How often every department is woken; well under any deadman silence worth setting.</summary>
    public static readonly TimeSpan WakeInterval = TimeSpan.FromSeconds(15);

    private readonly SortedDictionary<string, DepartmentStatus> _departments = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var department in directory.CurrentValue.Departments)
        {
            _departments.TryAdd(department.Id, new DepartmentStatus(department.Id, department.Name, null, 0, 0, Freshness.Silent));
        }

        // Send nothing from the synchronous part of activation: a local send there takes the target's activation
        // lock while ours is held, and a department sending to us at the same moment deadlocks both (seen in a
        // stack dump). Yielding runs the rest as an ordinary turn of this activation.
        await Task.Yield();
        WakeDepartments();
        this.RegisterGrainTimer(() =>
        {
            WakeDepartments();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(WakeInterval, WakeInterval) { KeepAlive = true });
    }

    private void WakeDepartments()
    {
        foreach (var department in directory.CurrentValue.Departments)
        {
            GrainFactory.GetGrain<IDepartmentGrain>(department.Id).Wake().Ignore();
        }
    }

    /// <inheritdoc />
    public Task Update(DepartmentStatus status)
    {
        _departments[status.Id] = status;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<OverviewSnapshot> GetSnapshot() =>
        Task.FromResult(new OverviewSnapshot([.. _departments.Values], clock.UtcNow));
}
