using SelfDrivingLab.Reports.Data;

namespace SelfDrivingLab.Reports;

/// <summary>What was drawn for one campaign. Immutable.</summary>
/// <param name="Data">What it was drawn from.</param>
/// <param name="Directory">The campaign's directory under the report's, relative (its id).</param>
/// <param name="Images">The PNG files, relative to <paramref name="Directory"/>, in the order shown.</param>
/// <param name="Predictions">The held-out predictions of the parity plot (empty when not drawn).</param>
/// <param name="Notes">What could not be drawn, and why.</param>
public sealed record CampaignReport(CampaignReportData Data, string Directory, IReadOnlyList<string> Images, IReadOnlyList<CrossValidatedPrediction> Predictions, IReadOnlyList<string> Notes);
