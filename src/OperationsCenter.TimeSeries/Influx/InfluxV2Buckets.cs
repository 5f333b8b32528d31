namespace OperationsCenter.TimeSeries.Influx;

/// <summary>Creates the 2.x bucket when missing, in the configured organization.</summary>
internal static class InfluxV2Buckets
{
    public static async Task EnsureAsync(InfluxOptions options, CancellationToken ct)
    {
        var bucket = options.EffectiveBucket;
        using var client = InfluxV2Client.Create(options, InfluxV2Client.OrgFor(options, InfluxMajorVersion.V2));
        try
        {
            var buckets = client.GetBucketsApi();
            if (await buckets.FindBucketByNameAsync(bucket, ct).ConfigureAwait(false) is not null)
            {
                return;
            }

            var orgs = await client.GetOrganizationsApi().FindOrganizationsAsync(org: options.Org, cancellationToken: ct).ConfigureAwait(false);
            var org = orgs.FirstOrDefault(o => string.Equals(o.Name, options.Org, StringComparison.Ordinal))
                ?? throw new InfluxWriteException($"InfluxDB has no organization \"{options.Org}\" to create bucket \"{bucket}\" in.", false);
            await buckets.CreateBucketAsync(bucket, org.Id, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not InfluxWriteException)
        {
            throw InfluxV2Client.Translate(e, $"Creating InfluxDB bucket \"{bucket}\"", dataRefusable: false);
        }
    }
}
