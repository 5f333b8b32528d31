using System.Text.Json;
using OperationsCenter.Server.Ingest;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// Teaches the ingest's field types what InfluxDB already holds (<c>SHOW FIELD KEYS</c>), once it answers after a
/// start: a field InfluxDB has as integer stays integer when a JSON feed sends <c>5</c>, and a line that conflicts
/// with a stored type is refused at ingest, with the reason, instead of being acknowledged and refused at drain.
/// </summary>
internal sealed partial class StoredFieldTypes(InfluxConnection influx, FieldTypeRegistry fieldTypes, ILogger<StoredFieldTypes> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await influx.WriterAsync(stoppingToken);
                var learned = 0;
                foreach (var series in await influx.Queries.QueryAsync("SHOW FIELD KEYS", stoppingToken))
                {
                    var key = series.ColumnIndex("fieldKey");
                    var type = series.ColumnIndex("fieldType");
                    foreach (var row in series.Values)
                    {
                        if (key >= 0 && type >= 0 && row[key].ValueKind == JsonValueKind.String && Kind(row[type].GetString()) is { } kind)
                        {
                            fieldTypes.Learn(series.Name, row[key].GetString()!, kind);
                            learned++;
                        }
                    }
                }

                LogLearned(learned);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // InfluxDB not there yet (or its database not created): fields first seen meanwhile take their type as sent.
                LogNotYet(ex.Message);
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    private static FieldKind? Kind(string? influxType) => influxType switch
    {
        "float" => FieldKind.Float,
        "integer" => FieldKind.Integer,
        "unsigned" => FieldKind.UInteger,
        "boolean" => FieldKind.Boolean,
        "string" => FieldKind.String,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} field types read from InfluxDB")]
    private partial void LogLearned(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Field types not read from InfluxDB yet: {Error}")]
    private partial void LogNotYet(string error);
}
