using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace OperationsCenter.Grains.Storage;

/// <summary>Registers a <see cref="TableGrainStorage"/> provider.</summary>
public static class TableStorageServiceCollectionExtensions
{
    /// <summary>Adds grain storage <paramref name="name"/> over the table <paramref name="table"/> makes.</summary>
    public static IServiceCollection AddTableGrainStorage(this IServiceCollection services, string name, Func<IServiceProvider, IStateTable> table) =>
        services.AddGrainStorage(name, (sp, _) => new TableGrainStorage(table(sp), sp.GetRequiredService<Serializer>()));
}
