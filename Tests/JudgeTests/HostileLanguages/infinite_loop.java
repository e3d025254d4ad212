// expect: TLE
// Spins forever on the CPU.
public class Main {
    static volatile long counter;

    public static void main(String[] args) {
        while (true) {
            counter++;
        }
    }
}
