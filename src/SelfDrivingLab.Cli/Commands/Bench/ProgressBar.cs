using System.Globalization;
using SelfDrivingLab.Benchmarks.Protocol;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// A one-line progress bar redrawn (with a carriage return) whenever the completed per-mille changes, so its output
/// stays small however many experiments run. Thread-safe.
/// </summary>
internal sealed class ProgressBar(TextWriter output)
{
    private const int Width = 40;
    private readonly Lock _gate = new();
    private int _lastPerMille = -1;
    private bool _drawn;

    public void Update(BenchmarkProgress progress)
    {
        var perMille = progress.ExperimentsTotal == 0 ? 1000 : (int)(1000 * progress.ExperimentsDone / progress.ExperimentsTotal);
        lock (_gate)
        {
            if (perMille <= _lastPerMille)
            {
                return;
            }

            _lastPerMille = perMille;
            var filled = perMille * Width / 1000;
            output.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {perMille / 10.0,5:F1}%  campaigns {progress.CampaignsDone}/{progress.CampaignsTotal}"));
            _drawn = true;
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                output.WriteLine();
            }
        }
    }
}
