namespace Portal.Core.Data;

/// <summary>
/// Practice data that servers keep copies of, named by its data-version area
/// (<see cref="Contracts.IPracticeDataVersions"/>): any committed insert, update or delete of these
/// entities' tables bumps the area's version, whichever code wrote them (SaveChanges, ExecuteUpdate,
/// ExecuteDelete). Registered with <see cref="DataServiceCollectionExtensions.AddPracticeDataArea{TContext}"/>.
/// </summary>
public sealed record PracticeDataArea(Type ContextType, string Area, IReadOnlyList<Type> EntityTypes)
{
    /// <summary>The area of every write to a practice's tables outside the declared areas, so that
    /// <see cref="Contracts.IPracticeDataVersions.StampAsync"/> grows with any change of practice data.</summary>
    public const string Other = "other";

    /// <summary>Tables no page that keeps copies shows, written too often to retire them all (session renewals):
    /// declared with <see cref="DataServiceCollectionExtensions.AddPracticeDataOutsidePages{TContext}"/>, never bumped.</summary>
    public const string OutsidePages = "";
}
