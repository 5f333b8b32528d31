using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts.Rules;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

public sealed class RuleSetLoaderTests
{
    private const string Common = """
            severity: warning
            owner: trung-tam-phvhcc
            title: { vi: "Tiêu đề {department}", en: "Title {department}" }
            description: { vi: "Mô tả {value}", en: "Description {value}" }
        """;

    [Fact]
    public void The_demo_rules_load_without_errors()
    {
        var load = RuleSetLoader.Load(Path.Combine(Checkout.Root, "rules"));

        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        Assert.Equal(["rules/demo.yaml"], load.Files.ToArray());
        Assert.Equal(Enum.GetValues<RuleKind>().Order(), load.Rules.Select(r => r.Kind).Distinct().Order());

        var rate = load.Rules.Single(r => r.Name == "overdue-dossiers-rising");
        Assert.Equal((RuleKind.Rate, RateMode.Absolute, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1)), (rate.Kind, rate.RateMode, rate.Window, rate.For));
        Assert.Equal(new Comparison(ThresholdOperator.Above, 8, 3), rate.Comparison);
        Assert.Equal(("dossiers", "overdue"), (rate.Match.Measurement, rate.Match.Field));
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)), (rate.EscalateAfter, rate.RepeatInterval));
        Assert.Equal(AlertSeverity.Warning, rate.Severity);
        Assert.Equal("trung-tam-phvhcc", rate.Owner);
        Assert.StartsWith("Hồ sơ quá hạn", rate.Title.Vi);

        var share = load.Rules.Single(r => r.Name == "online-service-share-low");
        Assert.Equal(new Comparison(ThresholdOperator.Below, 60, 65), share.Comparison);

        var link = load.Rules.Single(r => r.Name == "network-link-down");
        Assert.Equal(("network", "up", new Comparison(ThresholdOperator.Below, 1, 1)), (link.Match.Measurement, link.Match.Field, link.Comparison));

        // Communes and wards are both watched for silence.
        var silent = load.Rules.Where(r => r.Kind == RuleKind.Deadman).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["commune-silent", "ward-silent"], silent.Select(r => r.Name));
        Assert.All(silent, r => Assert.Equal((TimeSpan.FromMinutes(2), RuleScope.Department, "*"), (r.Silence, r.Scope, r.Match.Field)));
        Assert.Equal(["xa-*", "phuong-*"], silent.Select(r => r.Match.Tags["department"]));

        var uptime = load.Rules.Single(r => r.Kind == RuleKind.Window);
        Assert.Equal((WindowAggregate.Avg, TimeSpan.FromMinutes(15)), (uptime.Aggregate, uptime.Window));
        Assert.Equal(new Comparison(ThresholdOperator.Below, 98, 98.5), uptime.Comparison);

        var ratio = load.Rules.Single(r => r.Kind == RuleKind.Ratio);
        Assert.Equal(("resolved_on_time", "received", 0.8), (ratio.Numerator, ratio.Denominator, ratio.Comparison!.Threshold));

        var deadline = load.Rules.Single(r => r.Kind == RuleKind.Deadline);
        Assert.Equal(new DeadlineSchedule(5, new TimeSpan(17, 0, 0), "Asia/Ho_Chi_Minh"), deadline.Deadline);
        Assert.Equal(RuleScope.Department, deadline.Scope);
    }

    [Fact]
    public void An_error_names_file_rule_and_field_and_says_what_is_expected()
    {
        using var folder = new TempRulesFolder().Write("bad.yaml", Rule("overdue-dossiers-rising", "threshold", """
                above: 5
                for: 5 minutes
            """));

        var load = RuleSetLoader.Load(folder.Path);

        var error = Assert.Single(load.Errors);
        Assert.Equal(
            $"{folder.Display("bad.yaml")}: rule \"overdue-dossiers-rising\": field \"for\": \"5 minutes\" is not a duration like 30s, 5m, 1h (line 6)",
            error.Message);
        Assert.Equal((folder.Display("bad.yaml"), "overdue-dossiers-rising", "for", 6L), (error.File, error.Rule, error.Field, error.Line));
    }

    public static TheoryData<string, string, string, string> Invalid => new()
    {
        // kind, kind parameters, field named, words of the message
        { "threshold", "    below: 5\n    clear: 7\n    for: 5 minutes", "for", "is not a duration like 30s, 5m, 1h" },
        { "threshold", "    clear: 2", "above", "is missing; threshold rules need a threshold as above: N or below: N" },
        { "threshold", "    above: 5\n    below: 1", "below", "cannot be set together with above" },
        { "threshold", "    above: high", "above", "\"high\" is not a number" },
        { "threshold", "    above: 5%", "above", "\"5%\" is not a number" },
        { "threshold", "    above: 5\n    clear: 7", "clear", "7 is on the breaking side of the threshold 5" },
        { "threshold", "    below: 95\n    clear: 90", "clear", "90 is on the breaking side of the threshold 95" },
        { "threshold", "    above: 5\n    treshold: 3", "treshold", "is not a rule field; expected one of" },
        { "threshold", "    above: 5\n    silence: 5m", "silence", "does not apply to threshold rules" },
        { "spike", "    above: 5", "kind", "\"spike\" is not a rule kind; expected one of threshold, window, rate, ratio, deadman, deadline" },
        { "window", "    window: 5m\n    above: 5", "aggregate", "is missing; expected an aggregate: avg, min, max, sum, count" },
        { "window", "    aggregate: median\n    window: 5m\n    above: 5", "aggregate", "\"median\" is not an aggregate" },
        { "window", "    aggregate: avg\n    window: 2h\n    above: 5", "window", "\"2h\" is outside the allowed range; expected 1m to 1h" },
        { "rate", "    above: 5", "window", "is missing; expected a duration like 30s, 5m, 1h" },
        { "rate", "    window: 30s\n    above: 5", "window", "\"30s\" is outside the allowed range; expected 1m to 1h" },
        { "rate", "    window: 5m\n    mode: relative\n    above: 5", "mode", "\"relative\" is not a rate mode; expected one of absolute, percent" },
        { "ratio", "    numerator: resolved_on_time\n    below: 0.8", "denominator", "is missing" },
        { "ratio", "    numerator: resolved_*\n    denominator: received\n    below: 0.8", "numerator", "is a pattern; expected an exact field name" },
        { "deadman", "    scope: department", "silence", "is missing; expected a duration" },
        { "deadman", "    silence: 0", "silence", "is zero" },
        { "deadman", "    silence: 10m\n    scope: province", "scope", "\"province\" is not a scope; expected one of series, department" },
        { "deadline", "    scope: department", "deadline", "is missing; expected a mapping like { day: 5, at: \"17:00\"" },
        { "deadline", "    deadline: { day: 5, at: \"17:00\", timezone: Asia/Saigon_City }", "deadline.timezone", "\"Asia/Saigon_City\" is not a known time zone" },
        { "deadline", "    deadline: { day: 32, at: \"17:00\" }", "deadline.day", "\"32\" is not a day of the month; expected 1 to 31" },
        { "deadline", "    deadline: { day: 5, at: \"5pm\" }", "deadline.at", "\"5pm\" is not a time of day; expected HH:mm" },
        { "deadline", "    deadline: { day: 5, at: \"17:00\", zone: UTC }", "deadline.zone", "is not a field of deadline; expected one of day, at, timezone" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_problem_is_named(string kind, string parameters, string field, string words)
    {
        using var folder = new TempRulesFolder().Write("bad.yaml", Rule("r1", kind, parameters));

        AssertOneError(folder, "r1", field, words);
    }

    [Theory]
    [InlineData("severity: warning", "severity: loud", "severity", "\"loud\" is not a severity; expected one of info, warning, critical")]
    [InlineData("severity: warning", "", "severity", "is missing; expected a severity: info, warning, critical")]
    [InlineData("en: \"Title {department}\"", "en: \"Title\", fr: \"Titre\"", "title.fr", "is not a field of title; expected one of vi, en")]
    [InlineData("title: { vi: \"Tiêu đề {department}\", en: \"Title {department}\" }", "title: { vi: \"Tiêu đề\" }", "title.en", "is missing; expected the English text")]
    [InlineData("description: { vi: \"Mô tả {value}\", en: \"Description {value}\" }", "description: { vi: \"\", en: \"Description\" }", "description.vi", "is empty; expected the Vietnamese text")]
    [InlineData("description: { vi: \"Mô tả {value}\",", "description: { vi: \"Mô tả {valeur}\",", "description.vi", "has unknown placeholder {valeur}")]
    [InlineData("title: { vi: \"Tiêu đề {department}\", en: \"Title {department}\" }", "title: Title", "title", "is \"Title\"; expected a mapping with vi and en texts")]
    [InlineData("owner: trung-tam-phvhcc", "owner: Trung tâm", "owner", "\"Trung tâm\" is not a valid id")]
    [InlineData("owner: trung-tam-phvhcc", "owner: trung-tam-phvhcc\n    escalate_after: soon", "escalate_after", "\"soon\" is not a duration like 30s, 5m, 1h")]
    [InlineData("field: overdue", "field: overdue, unit: x", "match.unit", "is not a field of match; expected one of measurement, field, tags")]
    [InlineData("match: { measurement: dossiers, field: overdue }", "match: { measurement: dossiers }", "match.field", "is missing; expected a field name or pattern")]
    [InlineData("match: { measurement: dossiers, field: overdue }", "match: { measurement: dossiers, field: overdue, tags: [a] }", "match.tags", "is a list; expected a mapping of tag to value")]
    public void Common_fields_are_checked(string replace, string with, string field, string words)
    {
        var yaml = Rule("r1", "threshold", "    above: 5").Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(Rule("r1", "threshold", "    above: 5"), yaml);
        using var folder = new TempRulesFolder().Write("bad.yaml", yaml);

        AssertOneError(folder, "r1", field, words);
    }

    [Fact]
    public void A_rule_without_a_name_is_named_by_its_position()
    {
        var yaml = Rule("r1", "threshold", "    above: 5") + Rule("r2", "threshold", "    above: 5").Replace("rules:\n", "", StringComparison.Ordinal).Replace("  - name: r2\n    kind", "  - kind", StringComparison.Ordinal);
        using var folder = new TempRulesFolder().Write("bad.yaml", yaml);

        var error = Assert.Single(RuleSetLoader.Load(folder.Path).Errors);

        Assert.Equal((null, 2, "name"), (error.Rule, error.RuleIndex, error.Field));
        Assert.StartsWith($"{folder.Display("bad.yaml")}: rule #2: field \"name\": is missing", error.Message);
    }

    [Fact]
    public void Names_are_unique_across_files()
    {
        using var folder = new TempRulesFolder()
            .Write("a.yaml", Rule("same", "threshold", "    above: 5"))
            .Write("b.yaml", Rule("same", "threshold", "    below: 5") + Rule("other", "threshold", "    above: 1").Replace("rules:\n", "", StringComparison.Ordinal));

        var load = RuleSetLoader.Load(folder.Path);

        Assert.False(load.Succeeded);
        var error = Assert.Single(load.Errors);
        Assert.Equal((folder.Display("b.yaml"), "same", "name"), (error.File, error.Rule, error.Field));
        Assert.Contains($"\"same\" is already defined in {folder.Display("a.yaml")}", error.Message, StringComparison.Ordinal);

        // The first definition stands; the file with the duplicate contributes nothing, not even its good rule.
        var rule = Assert.Single(load.Rules);
        Assert.Equal(ThresholdOperator.Above, rule.Comparison!.Operator);
    }

    [Fact]
    public void Names_are_unique_within_a_file()
    {
        using var folder = new TempRulesFolder()
            .Write("a.yaml", Rule("same", "threshold", "    above: 5") + Rule("same", "threshold", "    above: 6").Replace("rules:\n", "", StringComparison.Ordinal));

        var error = Assert.Single(RuleSetLoader.Load(folder.Path).Errors);

        Assert.Contains("\"same\" is already defined earlier in this file (line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_an_error_contributes_no_rules_and_fails_the_load_while_good_files_still_load()
    {
        using var folder = new TempRulesFolder()
            .Write("good.yaml", Rule("fine", "threshold", "    above: 5"))
            .Write("mixed.yml", Rule("ok", "threshold", "    above: 5") + Rule("broken", "threshold", "    above: x").Replace("rules:\n", "", StringComparison.Ordinal))
            .Write("notes.txt", "not a rule file");

        var load = RuleSetLoader.Load(folder.Path);

        Assert.False(load.Succeeded);
        Assert.Equal(["fine"], load.Rules.Select(r => r.Name));
        Assert.Equal([folder.Display("good.yaml"), folder.Display("mixed.yml")], load.Files.ToArray());
        Assert.Equal("broken", Assert.Single(load.Errors).Rule);
    }

    [Fact]
    public void Every_problem_of_a_rule_is_reported_at_once()
    {
        using var folder = new TempRulesFolder().Write("bad.yaml", Rule("r1", "rate", "    window: 2h\n    mode: up\n    above: x\n    for: later")
            .Replace("severity: warning", "severity: loud", StringComparison.Ordinal));

        var load = RuleSetLoader.Load(folder.Path);

        Assert.Equal(["above", "for", "mode", "severity", "window"], load.Errors.Select(e => e.Field).Order());
        Assert.All(load.Errors, e => Assert.Equal("r1", e.Rule));
    }

    [Theory]
    [InlineData("rules:\n  - name: [unclosed\n", "is not valid YAML")]
    [InlineData("", "is empty; expected a top-level \"rules:\" list")]
    [InlineData("# nothing but a comment\n", "is empty; expected a top-level \"rules:\" list")]
    [InlineData("- name: x\n", "does not start with a mapping")]
    [InlineData("rule:\n  - name: x\n", "is not a top-level key")]
    [InlineData("rules: none\n", "is not a list")]
    [InlineData("rules:\n  - name: a\n    name: b\n", "is not valid YAML")]
    public void File_level_problems_name_the_file(string yaml, string words)
    {
        using var folder = new TempRulesFolder().Write("bad.yaml", yaml);

        var load = RuleSetLoader.Load(folder.Path);

        Assert.False(load.Succeeded);
        Assert.Contains(load.Errors, e => e.Message.StartsWith($"{folder.Display("bad.yaml")}: ", StringComparison.Ordinal)
            && e.Message.Contains(words, StringComparison.Ordinal));
        Assert.Empty(load.Rules);
    }

    [Fact]
    public void An_empty_rule_list_and_an_empty_folder_load()
    {
        using var folder = new TempRulesFolder();
        Assert.True(RuleSetLoader.Load(folder.Path).Succeeded);

        folder.Write("empty.yaml", "rules: []\n").Write("blank.yaml", "rules:\n");
        var load = RuleSetLoader.Load(folder.Path);
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        Assert.Empty(load.Rules);
    }

    [Fact]
    public void A_missing_folder_fails_the_load()
    {
        var load = RuleSetLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-rules-folder-" + Guid.NewGuid()));

        Assert.False(load.Succeeded);
        Assert.Contains("is not a folder", Assert.Single(load.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_fill_what_a_rule_leaves_out()
    {
        using var folder = new TempRulesFolder().Write("ok.yaml",
            Rule("t", "threshold", "    above: 5")
            + Rule("r", "rate", "    window: 1h\n    above: 5").Replace("rules:\n", "", StringComparison.Ordinal)
            + Rule("d", "deadline", "    deadline: { day: 31, at: \"9:30\" }").Replace("rules:\n", "", StringComparison.Ordinal)
            + Rule("s", "deadman", "    silence: 1h30m").Replace("rules:\n", "", StringComparison.Ordinal));

        var load = RuleSetLoader.Load(folder.Path);

        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        var threshold = load.Rules[0];
        Assert.Equal((new Comparison(ThresholdOperator.Above, 5, 5), TimeSpan.Zero, (TimeSpan?)null), (threshold.Comparison, threshold.For, threshold.EscalateAfter));
        Assert.Equal(RateMode.Absolute, load.Rules[1].RateMode);
        Assert.Equal(new DeadlineSchedule(31, new TimeSpan(9, 30, 0), "Asia/Ho_Chi_Minh"), load.Rules[2].Deadline);
        Assert.Equal((RuleScope.Series, TimeSpan.FromMinutes(90)), (load.Rules[3].Scope, load.Rules[3].Silence));
    }

    private static void AssertOneError(TempRulesFolder folder, string rule, string field, string words)
    {
        var load = RuleSetLoader.Load(folder.Path);

        Assert.False(load.Succeeded);
        Assert.Empty(load.Rules);
        var error = Assert.Single(load.Errors);
        Assert.Equal((folder.Display("bad.yaml"), rule, field), (error.File, error.Rule, error.Field));
        Assert.StartsWith($"{folder.Display("bad.yaml")}: rule \"{rule}\": field \"{field}\": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    /// <summary>A one-rule file: the kind's parameters (indented four spaces) between the common fields.</summary>
    private static string Rule(string name, string kind, string parameters)
    {
        var field = kind is "ratio" ? "" : ", field: overdue";
        return $"rules:\n  - name: {name}\n    kind: {kind}\n    match: {{ measurement: dossiers{field} }}\n{parameters}\n{Common}\n";
    }
}
