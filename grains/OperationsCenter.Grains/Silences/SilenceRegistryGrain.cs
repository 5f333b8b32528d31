using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Silences;

/// <summary>The stored list of silences.</summary>
public sealed class SilenceRegistryGrain(
    [PersistentState("silences", AlertStorage.Name)] IPersistentState<SilenceRegistryState> stored) : Grain, ISilenceRegistryGrain
{
    /// <inheritdoc />
    public async Task Add(Silence silence)
    {
        stored.State.Silences = stored.State.Silences.Add(silence);
        await stored.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<Silence?> Expire(string id, string actor, DateTimeOffset at)
    {
        var silence = stored.State.Silences.FirstOrDefault(s => s.Id == id);
        if (silence is null)
        {
            return null;
        }

        var ended = silence with { EndsAt = silence.EndsAt < at ? silence.EndsAt : at, DeletedBy = actor };
        stored.State.Silences = stored.State.Silences.Replace(silence, ended);
        await stored.WriteStateAsync();
        return ended;
    }

    /// <inheritdoc />
    public Task<ImmutableArray<Silence>> List() =>
        Task.FromResult(stored.State.Silences.OrderByDescending(s => s.CreatedAt).ToImmutableArray());
}
