using System.Buffers;
using System.Text.Json;
using OperationsCenter.TimeSeries.Influx;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>Building bodies with the canonical writer and comparing what InfluxDB gives back.</summary>
public static class Readback
{
    /// <summary>The canonical line protocol of some points, as the spool holds it.</summary>
    public static byte[] Body(params LinePoint[] points)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var point in points)
        {
            LineProtocolWriter.Write(buffer, point);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The single series <c>SELECT * FROM m GROUP BY *</c> returns.</summary>
    public static async Task<InfluxSeries> SeriesAsync(InfluxQueryClient query, string measurement)
    {
        var series = await query.QueryAsync($"SELECT * FROM {InfluxQl.Identifier(measurement)} GROUP BY *", CancellationToken.None);
        return Assert.Single(series);
    }

    /// <summary>One cell of a row by column name.</summary>
    public static JsonElement Cell(InfluxSeries series, int row, string column)
    {
        var index = series.ColumnIndex(column);
        Assert.True(index >= 0, $"no column \"{column}\" in [{string.Join(", ", series.Columns)}]");
        return series.Values[row][index];
    }

    /// <summary>Asserts that a row holds exactly the point's timestamp and field values.</summary>
    /// <remarks>Unsigned values are expected back as integers: InfluxDB 1.x stores them so (see UnsignedAsIntegerOnV1).</remarks>
    public static void AssertRow(InfluxSeries series, int row, LinePoint point)
    {
        Assert.Equal(point.Timestamp, Cell(series, row, "time").GetInt64());
        foreach (var (key, value) in point.Fields)
        {
            var cell = Cell(series, row, key);
            switch (value.Kind)
            {
                case FieldKind.Float:
                    Assert.Equal(BitConverter.DoubleToInt64Bits(value.Float), BitConverter.DoubleToInt64Bits(cell.GetDouble()));
                    break;
                case FieldKind.Integer:
                    Assert.Equal(value.Integer, cell.GetInt64());
                    break;
                case FieldKind.UInteger:
                    Assert.Equal(value.UInteger, cell.GetUInt64());
                    break;
                case FieldKind.Boolean:
                    Assert.Equal(value.Boolean, cell.GetBoolean());
                    break;
                default:
                    Assert.Equal(value.String, cell.GetString());
                    break;
            }
        }
    }
}
