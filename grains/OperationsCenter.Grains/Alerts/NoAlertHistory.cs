namespace OperationsCenter.Grains.Alerts;

/// <summary>No history (tests of the lifecycle alone).</summary>
public sealed class NoAlertHistory : IAlertHistory
{
    /// <inheritdoc />
    public Task RecordAsync(AlertTransition transition) => Task.CompletedTask;
}
