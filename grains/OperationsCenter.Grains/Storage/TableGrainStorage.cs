using Orleans.Serialization;
using Orleans.Storage;

namespace OperationsCenter.Grains.Storage;

/// <summary>
/// Grain storage over an <see cref="IStateTable"/>: one table per grain type and state name, keyed by the grain's key,
/// states in Orleans' own serialization (the <c>[GenerateSerializer]</c> contract grain calls already keep). Unlike a
/// key per grain, a table can be read whole, which is how the list of alerts is rebuilt after a restart.
/// </summary>
public sealed class TableGrainStorage(IStateTable table, Serializer serializer) : IGrainStorage
{
    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await table.ReadAsync(TableOf(grainId.Type, stateName), grainId.Key.ToString()!);
        grainState.State = stored is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(stored.Data);
        grainState.ETag = stored?.Version;
        grainState.RecordExists = stored is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = await table.WriteAsync(TableOf(grainId.Type, stateName), grainId.Key.ToString()!, grainState.ETag, serializer.SerializeToArray(grainState.State));
        Check(write, grainId, grainState.ETag);
        grainState.ETag = write.Version;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = await table.DeleteAsync(TableOf(grainId.Type, stateName), grainId.Key.ToString()!, grainState.ETag);
        Check(write, grainId, grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>Every stored state of one grain type and state name.</summary>
    public async Task<IReadOnlyList<T>> ReadAllAsync<T>(GrainType grainType, string stateName)
    {
        var stored = await table.ReadAllAsync(TableOf(grainType, stateName));
        return [.. stored.Select(s => serializer.Deserialize<T>(s.Data)!)];
    }

    private static string TableOf(GrainType grainType, string stateName) => $"{grainType}/{stateName}";

    private static void Check(StateWrite write, GrainId grainId, string? expected)
    {
        if (!write.Written)
        {
            // Orleans' own type for this, so grains handle it as they would with any provider.
            throw new InconsistentStateException($"{grainId} was changed in storage since it was read", write.Version ?? "(none)", expected ?? "(none)");
        }
    }
}
