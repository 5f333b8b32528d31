using System.Collections.Immutable;

namespace OperationsCenter.Server.Alerts;

/// <summary>The outcome of the last rule load, for <c>/health</c> and <c>/api/v1/rules</c>.</summary>
internal sealed class RuleStatus
{
    private readonly Lock _gate = new();
    private (string Directory, int Rules, ImmutableArray<string> Errors, DateTimeOffset? LoadedAt, DateTimeOffset? CheckedAt) _state =
        ("", 0, [], null, null);

    /// <summary>A load succeeded.</summary>
    public void Loaded(string directory, int rules, DateTimeOffset at)
    {
        lock (_gate)
        {
            _state = (directory, rules, [], at, at);
        }
    }

    /// <summary>A load failed; the previous rules stay.</summary>
    public void Failed(string directory, ImmutableArray<string> errors, DateTimeOffset at)
    {
        lock (_gate)
        {
            _state = (directory, _state.Rules, errors, _state.LoadedAt, at);
        }
    }

    /// <summary>A copy of the status.</summary>
    public (string Directory, int Rules, ImmutableArray<string> Errors, DateTimeOffset? LoadedAt, DateTimeOffset? CheckedAt) Snapshot()
    {
        lock (_gate)
        {
            return _state;
        }
    }
}
