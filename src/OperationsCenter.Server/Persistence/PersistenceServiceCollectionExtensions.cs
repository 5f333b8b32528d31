using Microsoft.Extensions.Options;
using OperationsCenter.Grains.History;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Persistence;

/// <summary>Registers the spool, its drainer to InfluxDB, and the InfluxDB connection.</summary>
internal static class PersistenceServiceCollectionExtensions
{
    /// <summary>Binds <c>OperationsCenter:Spool</c>, <c>:Drain</c> and <c>:Influx</c>; spool and dead letters live in the data directory.</summary>
    public static TBuilder AddPersistence<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.Configure<SpoolOptions>(configuration.GetSection("OperationsCenter:Spool"));
        services.Configure<DrainOptions>(configuration.GetSection("OperationsCenter:Drain"));
        services.Configure<InfluxOptions>(configuration.GetSection("OperationsCenter:Influx"));
        services.AddHttpClient(nameof(InfluxConnection), client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SpoolOptions>>().Value;
            var directory = DataDirectory.Resolve(configuration, builder.Environment);
            return Spool.Open(new SpoolOptions
            {
                Directory = Path.Combine(directory, options.Directory),
                MaxBytes = options.MaxBytes,
                SegmentBytes = options.SegmentBytes,
            });
        });
        services.AddSingleton(_ => new DeadLetterFile(Path.Combine(DataDirectory.Resolve(configuration, builder.Environment), "dead-letter.lp")));
        services.AddSingleton<DrainStatus>();
        services.AddSingleton<InfluxConnection>();
        services.AddSingleton<ILiveStateHistory, InfluxLiveStateHistory>();
        services.AddHostedService<SpoolDrainer>();
        services.AddHostedService<StoredFieldTypes>();
        return builder;
    }
}
