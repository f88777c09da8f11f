using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Tests;

/// <summary>
/// The web app on a throwaway SQLite ledger (seeded from the bundled data on first use, as a user's would be), with a
/// home folder of its own and a fixed clock: "today" is <see cref="Today"/>.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public static readonly LocalDate Today = new(2026, 3, 1);

    private readonly string _folder = Directory.CreateTempSubdirectory("treatywatch-web-tests-").FullName;

    public string LedgerPath => Path.Combine(_folder, "ledger.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<LedgerOptions>();
            var home = Path.Combine(_folder, "home");
            services.AddSingleton(new LedgerOptions("sqlite:" + LedgerPath, null, name => name switch
            {
                "HOME" => home,
                _ => null,
            }));
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(new FakeClock(Today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().Plus(Duration.FromHours(12))));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file on some platforms; the temp folder is cleaned by the system.
        }
    }
}
