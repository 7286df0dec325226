namespace Portal.Web.HostAdmin;

/// <summary>Configuration section <c>Portal:HostAdmin</c>: the first platform operator, created at start when none exists.</summary>
public sealed class HostAdminOptions
{
    public const string Section = "Portal:HostAdmin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Platform operator";
}

/// <summary>Configuration section <c>Portal:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Portal:Demo";

    /// <summary>Create the demo practice on first run and print the sign-ins (the run command turns this on).</summary>
    public bool Enabled { get; set; }

    public string Recipe { get; set; } = "demo";

    public string PracticeName { get; set; } = "demo";

    public string DisplayName { get; set; } = "Maple & Finch Accounting";

    public string AdminEmail { get; set; } = "admin@demo.example";

    /// <summary>The password of the demo sign-ins (printed at start).</summary>
    public string Password { get; set; } = "";
}
