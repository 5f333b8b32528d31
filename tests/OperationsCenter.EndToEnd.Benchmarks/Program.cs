using OperationsCenter.EndToEnd.Benchmarks;

// Ingest → SignalR latency: points/s sent over HTTP in batches, latency measured at a real hub client.
// Usage: dotnet run -c Release --project tests/OperationsCenter.EndToEnd.Benchmarks -- [--rate 10000] [--seconds 20] [--series 1000] [--batches-per-second 20]
var options = LatencyOptions.Parse(args);
var result = await LatencyBenchmark.RunAsync(options);
Console.WriteLine(result);
