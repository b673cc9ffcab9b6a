#!/usr/bin/env -S dotnet run --file
// Purged 5-fold cross-validation over overlapping label events, with the leakage report that audits it.
//   dotnet run --file docs/examples/purged-cross-validation.cs
#:project ../../src/Alpha.CrossValidation/Alpha.CrossValidation.csproj
#:property PublishAot=false

using Alpha.CrossValidation;

// 5,000 hourly bars; a label event every 3rd bar, each looking up to 48 bars ahead (AI1's horizon M).
const int bars = 5000;
var random = new Random(42);
int[] t0 = Enumerable.Range(0, (bars - 48) / 3).Select(i => 3 * i).ToArray();
int[] t1 = t0.Select(t => t + random.Next(1, 49)).ToArray();
var events = LabelEvents.Create(t0, t1, bars);

var splitter = new PurgedKFold(new PurgedKFoldOptions { Folds = 5, PurgeBars = 24, EmbargoBars = 24 });
var folds = splitter.Split(events).ToList();
LeakageReport report = LeakageReport.Create(events, folds, purgeBars: 24, embargoBars: 24);

Console.WriteLine($"{events.Count} events on {bars} bars, purged 5-fold (purge 24, embargo 24 bars)");
Console.WriteLine("fold  test span      train  test  purged  embargoed  leaks");
foreach (FoldLeakage f in report.Folds)
{
    TestSpan span = f.TestSpans[0];
    Console.WriteLine($"{f.FoldIndex,4}  [{span.Start,4}, {span.End,4}]  {f.TrainCount,6}  {f.TestCount,4}  {f.Purged,6}  {f.Embargoed,9}  {f.Leaks,5}");
}

Console.WriteLine(report.IsLeakFree ? "no training label overlaps its test span: leak-free" : "LEAK: see the leaks column");

var cpcv = new CombinatorialPurgedKFold(new CombinatorialPurgedKFoldOptions { Groups = 6, TestGroups = 2 });
Console.WriteLine($"CPCV(6, 2): {cpcv.SplitCount} splits recombine into {cpcv.PathCount} backtest paths");
