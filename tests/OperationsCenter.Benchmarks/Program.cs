using BenchmarkDotNet.Running;
using OperationsCenter.Benchmarks;

// Run with: dotnet run -c Release --project tests/OperationsCenter.Benchmarks -- --filter '*Parser*'
BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
