using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class SeriesMatcherTests
{
    private static readonly Dictionary<string, string> Tags = new() { ["department"] = "xa-ban-bo", ["desk"] = "one-stop" };

    [Theory]
    [InlineData("dossiers", "dossiers", true)]
    [InlineData("dossiers", "dossier", false)]
    [InlineData("*", "anything", true)]
    [InlineData("*", "", true)]
    [InlineData("xa-*", "xa-ban-bo", true)]
    [InlineData("xa-*", "so-noi-vu", false)]
    [InlineData("*-pct", "uptime-pct", true)]
    [InlineData("x?-*-bo", "xa-ban-bo", true)]
    [InlineData("x?-*-bo", "x-ban-bo", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("Dossiers", "dossiers", false)]
    public void Globs_match_whole_names(string pattern, string text, bool expected) =>
        Assert.Equal(expected, GlobPattern.IsMatch(pattern, text));

    [Fact]
    public void Measurement_and_every_listed_tag_must_match()
    {
        var matcher = new SeriesMatcher("dossiers", "overdue", ImmutableDictionary<string, string>.Empty.Add("department", "xa-*"));

        Assert.True(matcher.Matches("dossiers", Tags));
        Assert.False(matcher.Matches("network", Tags));
        Assert.False(matcher.Matches("dossiers", new Dictionary<string, string> { ["department"] = "so-noi-vu" }));
        Assert.True(matcher.MatchesField("overdue"));
        Assert.False(matcher.MatchesField("received"));
    }

    [Fact]
    public void A_listed_tag_that_is_missing_does_not_match_even_a_star()
    {
        var matcher = new SeriesMatcher("*", "*", ImmutableDictionary<string, string>.Empty.Add("link", "*"));

        Assert.False(matcher.Matches("dossiers", Tags));
        Assert.True(matcher.Matches("network", new Dictionary<string, string> { ["link"] = "wan" }));
    }

    [Fact]
    public void Departments_are_matched_by_the_department_tag()
    {
        var communes = new SeriesMatcher("*", "*", ImmutableDictionary<string, string>.Empty.Add("department", "xa-*"));
        var everyone = new SeriesMatcher("*", "*", ImmutableDictionary<string, string>.Empty);

        Assert.True(communes.MatchesDepartment("xa-ban-bo"));
        Assert.False(communes.MatchesDepartment("so-noi-vu"));
        Assert.True(everyone.MatchesDepartment("so-noi-vu"));
    }
}
