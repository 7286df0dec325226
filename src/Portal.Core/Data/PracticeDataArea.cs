namespace Portal.Core.Data;

/// <summary>
/// Practice data that servers keep copies of, named by its data-version area
/// (<see cref="Contracts.IPracticeDataVersions"/>): any committed insert, update or delete of these
/// entities' tables bumps the area's version, whichever code wrote them (SaveChanges, ExecuteUpdate,
/// ExecuteDelete). Registered with <see cref="DataServiceCollectionExtensions.AddPracticeDataArea{TContext}"/>.
/// </summary>
public sealed record PracticeDataArea(Type ContextType, string Area, IReadOnlyList<Type> EntityTypes);
