using System.Globalization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>
/// How the orchestrator derives campaign, experiment and command ids from a campaign's name: the one place
/// these formats live, used both by the runners that create the ids and by the campaign loader, which
/// rejects a campaign whose longest derivable id would exceed <see cref="IdRules.MaxLength"/>. Thread-safe (stateless).
/// </summary>
/// <remarks>
/// <c>{name}-{yyyyMMdd-HHmmss}[-{n}]</c> (campaign; <c>-n</c> from 2 to <see cref="MaxCampaignCollision"/> when
/// several campaigns of one name start in the same second) →
/// <c>{campaign}-e{sequence:0000}</c> (experiment) → <c>{experiment}-s{step}</c> (a step's first command) →
/// <c>…-a{send}</c> (a re-send: retry or retry elsewhere) → <c>…-r{attempt}</c> (a re-send after a busy refusal,
/// up to <see cref="MaxBusyAttempts"/>).
/// </remarks>
public static class DerivedIds
{
    /// <summary>Most campaigns of one name the ledger can hold with the same start second.</summary>
    public const int MaxCampaignCollision = 999;

    /// <summary>How many times a step command is sent when the instrument answers busy (the first send included).</summary>
    public const int MaxBusyAttempts = 6;

    /// <summary>The id of a campaign named <paramref name="name"/> started at <paramref name="started"/>; <paramref name="collision"/> 1 adds nothing, n ≥ 2 adds <c>-n</c>.</summary>
    public static string Campaign(string name, DateTimeOffset started, int collision = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(collision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(collision, MaxCampaignCollision);
        var stem = string.Create(CultureInfo.InvariantCulture, $"{name}-{started.UtcDateTime:yyyyMMdd-HHmmss}");
        return collision == 1 ? stem : string.Create(CultureInfo.InvariantCulture, $"{stem}-{collision}");
    }

    /// <summary>The id of experiment number <paramref name="sequence"/> (1-based) of <paramref name="campaign"/>.</summary>
    public static string Experiment(string campaign, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{campaign}-e{sequence:0000}");

    /// <summary>The id of the first command of step <paramref name="stepIndex"/> (0-based) of <paramref name="experiment"/>.</summary>
    public static string Step(string experiment, int stepIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{experiment}-s{stepIndex + 1}");

    /// <summary>The id of send number <paramref name="send"/> (≥ 2) of a step whose first command is <paramref name="stepId"/>.</summary>
    public static string Attempt(string stepId, int send) =>
        string.Create(CultureInfo.InvariantCulture, $"{stepId}-a{send}");

    /// <summary>The id of busy attempt <paramref name="attempt"/> (1 is <paramref name="baseId"/> itself) of a command.</summary>
    public static string Busy(string baseId, int attempt) =>
        attempt == 1 ? baseId : string.Create(CultureInfo.InvariantCulture, $"{baseId}-r{attempt}");
}
