using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Which prior rows a campaign's model uses, and what is wrong with the others: a row must give every objective's output
/// as a finite number, and lie in the search space (every parameter, in range, on its grid, a valid choice, mixtures
/// summing and constraints held) or, for a pool campaign, be one of its candidates. Stateless and thread-safe.
/// </summary>
public static class PriorDataCheck
{
    /// <summary>The problems of <paramref name="campaign"/>'s prior rows, in row order (empty without prior data).</summary>
    public static IReadOnlyList<PriorRowProblem> Check(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Prior is not { } prior)
        {
            return [];
        }

        SpaceEncoder? encoder = null;
        try
        {
            encoder = campaign.Pool is null ? new SpaceEncoder(campaign.Space) : null;
        }
        catch (ArgumentException)
        {
            // A space that cannot be encoded is reported by the space's own rules; rows are then only checked for objectives.
        }

        var problems = new List<PriorRowProblem>();
        for (var i = 0; i < prior.Rows.Count; i++)
        {
            var row = prior.Rows[i];
            var missing = campaign.Objectives.Select(o => o.Output).FirstOrDefault(output => !row.Outputs.TryGetValue(output, out var value) || !value.IsNumber);
            if (missing is not null)
            {
                var value = row.Outputs.TryGetValue(missing, out var text) ? $" (got '{text}')" : string.Empty;
                problems.Add(new PriorRowProblem(i, row.Line, $"objective output '{missing}' needs a finite number{value}", Outside: false));
                continue;
            }

            if (Outside(campaign, encoder, row) is { } outside)
            {
                problems.Add(new PriorRowProblem(i, row.Line, outside, Outside: true));
            }
        }

        return problems;
    }

    /// <summary>
    /// The rows the model uses: every row when none has a problem; under <see cref="PriorOutsidePolicy.Ignore"/> the
    /// rows inside the space or pool. Empty without prior data.
    /// </summary>
    public static IReadOnlyList<PriorRow> Usable(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Prior is not { } prior)
        {
            return [];
        }

        var excluded = Check(campaign).Select(p => p.Index).ToHashSet();
        return [.. prior.Rows.Where((_, i) => !excluded.Contains(i))];
    }

    private static string? Outside(CampaignDefinition campaign, SpaceEncoder? encoder, PriorRow row)
    {
        if (campaign.Pool is { } pool)
        {
            return pool.Candidates.IndexOf(row.Parameters) >= 0 ? null : $"({row.Parameters}) is not a candidate of the pool";
        }

        if (encoder is null)
        {
            return null;
        }

        try
        {
            encoder.Validate(row.Parameters);
            return null;
        }
        catch (ArgumentException ex)
        {
            var message = ex.Message.Split(" (Parameter '", 2)[0].TrimEnd('.');
            return char.ToLowerInvariant(message[0]) + message[1..];
        }
    }
}
