using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Tests;

public sealed class SeriesIdTests
{
    [Theory]
    [InlineData("dossiers,department=xa-ban-bo,desk=main", "dossiers", "department=xa-ban-bo;desk=main")]
    [InlineData("rt\\ all\\,types,department=so-noi-vu,desk=main\\ hall,zone\\=x=a\\,b", "rt all,types", "department=so-noi-vu;desk=main hall;zone=x=a,b")]
    [InlineData("m\\\\x,path=c:\\dir", "m\\\\x", "path=c:\\dir")]
    [InlineData("bare", "bare", "")]
    public void A_key_reads_back_into_its_measurement_and_tags(string key, string measurement, string tags)
    {
        var name = new SeriesId(key).Parse();

        Assert.Equal(measurement, name.Measurement);
        Assert.Equal(tags, string.Join(";", name.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
    }

    [Fact]
    public void The_department_comes_from_its_tag()
    {
        Assert.Equal("so-noi-vu", new SeriesId("dossiers,department=so-noi-vu,desk=a").Parse().Department);
        Assert.Equal("", new SeriesId("bare").Parse().Department);
    }

    [Fact]
    public void A_series_has_the_same_partition_in_every_process()
    {
        // A fixed hash: every node and every restart must agree where a series lives.
        var series = new SeriesId("dossiers,department=so-noi-vu,desk=a");
        Assert.Equal(series.PartitionOf(4), new SeriesId(string.Concat("dossiers,department=", "so-noi-vu,desk=a")).PartitionOf(4));
        Assert.InRange(series.PartitionOf(4), 0, 3);
        Assert.Equal(0, series.PartitionOf(1));
        var spread = Enumerable.Range(0, 400).Select(i => new SeriesId($"m,department=d,unit=u{i}").PartitionOf(4)).GroupBy(p => p).ToList();
        Assert.Equal(4, spread.Count);
        Assert.All(spread, g => Assert.InRange(g.Count(), 60, 140));
    }
}
