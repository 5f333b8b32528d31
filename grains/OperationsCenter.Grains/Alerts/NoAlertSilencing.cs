namespace OperationsCenter.Grains.Alerts;

/// <summary>No silences.</summary>
public sealed class NoAlertSilencing : IAlertSilencing
{
    /// <inheritdoc />
    public bool IsSilenced(AlertView alert, DateTimeOffset at) => false;
}
