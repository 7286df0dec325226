namespace Portal.Core.Contracts;

/// <summary>
/// The current practice's plan limits that other modules enforce themselves (the Plans module; without it
/// nothing is limited): Identity refuses a staff member beyond the seats, Documents uses the plan's storage
/// as the practice's quota. Payment requests are counted through <see cref="IPlanQuotas"/> instead.
/// </summary>
public interface IPlanLimits
{
    Task<PlanLimits> GetAsync(CancellationToken cancellationToken = default);
}

/// <param name="PlanName">The plan assigned to the practice; null when it has none.</param>
/// <param name="StaffSeats">Enabled staff accounts allowed; null when not limited.</param>
/// <param name="StorageBytes">Storage allowed; null when the plan does not say (the documents setting applies).</param>
public sealed record PlanLimits(string? PlanName, int? StaffSeats, long? StorageBytes)
{
    public static readonly PlanLimits None = new(null, null, null);
}
