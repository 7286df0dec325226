namespace Portal.Core.Tenancy;

/// <summary>The life cycle of a practice's site.</summary>
public enum TenantState
{
    /// <summary>Registered but never set up; not served.</summary>
    Uninitialized,

    /// <summary>Setup (database, migrations, recipe) is running; requests get 503 + Retry-After.</summary>
    Initializing,

    /// <summary>Serving requests.</summary>
    Running,

    /// <summary>Switched off by the platform operator; requests get the "unavailable" page.</summary>
    Disabled,
}
