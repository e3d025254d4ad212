// expect: RE
// Reads the judge's expected output (a file outside the run's directory) and prints it.
import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) throws Exception {
        String secret = Files.readString(Path.of(System.getenv("PROCTOR_TEST_SECRET")));
        System.out.print(secret);
        System.out.println("ESCAPED");
    }
}
