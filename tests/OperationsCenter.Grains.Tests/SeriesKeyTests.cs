using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Tests;

public sealed class SeriesKeyTests
{
    [Theory]
    [InlineData("dossiers,department=xa-ban-bo,desk=main", "dossiers", "department=xa-ban-bo;desk=main")]
    [InlineData("rt\\ all\\,types,department=so-noi-vu,desk=main\\ hall,zone\\=x=a\\,b", "rt all,types", "department=so-noi-vu;desk=main hall;zone=x=a,b")]
    [InlineData("m\\\\x,path=c:\\dir", "m\\\\x", "path=c:\\dir")]
    [InlineData("bare", "bare", "")]
    public void A_key_reads_back_into_its_measurement_and_tags(string key, string measurement, string tags)
    {
        var (parsedMeasurement, parsedTags) = SeriesKey.Parse(key);

        Assert.Equal(measurement, parsedMeasurement);
        Assert.Equal(tags, string.Join(";", parsedTags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
    }
}
