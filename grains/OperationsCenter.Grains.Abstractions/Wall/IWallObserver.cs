namespace OperationsCenter.Grains.Wall;

/// <summary>A silo's push endpoint: receives batched changes and sends them to that silo's browsers.</summary>
public interface IWallObserver : IGrainObserver
{
    /// <summary>Delivers one batch of changes.</summary>
    Task OnWallBatch(WallBatch batch);
}
