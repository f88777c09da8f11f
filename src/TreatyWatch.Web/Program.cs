using TreatyWatch.Web;

// `./treatywatch serve [--urls http://127.0.0.1:5000] [--db <sqlite:path | connection string | none>] [--data <folder>]`
var app = WebApp.Build(args);
app.Run();

/// <summary>The program, for tests (WebApplicationFactory).</summary>
public partial class Program;
