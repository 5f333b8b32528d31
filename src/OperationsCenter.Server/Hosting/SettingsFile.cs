namespace OperationsCenter.Server.Hosting;

/// <summary>
/// <c>OperationsCenter:SettingsFile</c>: one more JSON file (say, <c>/etc/operations-center/settings.json</c>) for what
/// administrators change while the center runs — department keys and people. It is watched, so removing a key's
/// entry revokes the key without a restart.
/// </summary>
internal static class SettingsFile
{
    /// <summary>Adds the file, when configured, above the other sources.</summary>
    public static TBuilder AddSettingsFile<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        if (builder.Configuration["OperationsCenter:SettingsFile"] is { Length: > 0 } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file, builder.Environment.ContentRootPath), optional: false, reloadOnChange: true);
        }

        return builder;
    }
}
