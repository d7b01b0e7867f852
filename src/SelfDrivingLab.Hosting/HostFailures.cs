using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Hosting;

/// <summary>Turns what a failing host throws into a <see cref="CampaignHostException"/> that names the problem.</summary>
internal static class HostFailures
{
    /// <summary>
    /// Failures of the settings or the environment rather than defects: invalid options, an unusable
    /// ledger, files that cannot be read or written, an unreachable or refusing broker.
    /// </summary>
    public static bool IsExpected(Exception exception) => exception is
        OptionsValidationException or LedgerException or IOException or UnauthorizedAccessException
        or InvalidOperationException or MessageBusUnavailableException or CampaignHostException;

    /// <summary>
    /// Wraps <paramref name="exception"/>; a failure before the host had started (<paramref name="lifetime"/>,
    /// read before the host is disposed) is a start-up failure: nothing ran.
    /// </summary>
    public static CampaignHostException Wrap(string what, Exception exception, IHostApplicationLifetime lifetime) =>
        new($"{what}: {exception.Message}", exception) { IsStartupFailure = !lifetime.ApplicationStarted.IsCancellationRequested };
}
