using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>Options a test can swap, as a configuration reload would.</summary>
internal sealed class MutableOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
