using System.Text.Json;
using OperationsCenter.Server.Ingest;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Persistence;

/// <summary>
/// Teaches the ingest's field types what InfluxDB already holds (<c>SHOW FIELD KEYS</c>) as the center starts (or once
/// InfluxDB answers, when it is down then): a field InfluxDB has as integer stays integer when a JSON feed sends <c>5</c>, and a line that conflicts
/// with a stored type is refused at ingest, with the reason, instead of being acknowledged and refused at drain.
/// </summary>
internal sealed partial class StoredFieldTypes(InfluxConnection influx, FieldTypeRegistry fieldTypes, ILogger<StoredFieldTypes> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    // The first read is waited for before the server takes requests (hosted services start first), but no longer than
    // this: an InfluxDB that answers slowly must not hold the center's start.
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(3);
    private bool _learned;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StartBudget);
        _learned = await TryLearnAsync(budget.Token);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // InfluxDB not there at start (or its database not created): fields first seen meanwhile take their type as sent.
        while (!_learned && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RetryInterval, stoppingToken);
            _learned = await TryLearnAsync(stoppingToken);
        }
    }

    private async Task<bool> TryLearnAsync(CancellationToken cancellationToken)
    {
        try
        {
            await influx.WriterAsync(cancellationToken);
            var learned = 0;
            foreach (var series in await influx.Queries.QueryAsync("SHOW FIELD KEYS", cancellationToken))
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
            return true;
        }
        catch (Exception ex)
        {
            LogNotYet(ex.Message);
            return false;
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
