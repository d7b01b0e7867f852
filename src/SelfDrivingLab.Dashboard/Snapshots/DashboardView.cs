using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>Everything the dashboard's pages show at one moment, read from the ledger; sent to the page as JSON. Immutable.</summary>
/// <param name="Ledger">The ledger's path.</param>
/// <param name="Campaigns">Every campaign, oldest first.</param>
/// <param name="Instruments">Every instrument the ledger knows, by id.</param>
/// <param name="ControlRequests">The operators' requests, newest first.</param>
public sealed record DashboardView(
    string Ledger,
    IReadOnlyList<CampaignView> Campaigns,
    IReadOnlyList<InstrumentView> Instruments,
    IReadOnlyList<ControlRequestRecord> ControlRequests);
