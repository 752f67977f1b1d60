fn main() {
    let builtin = newsdesk::entities::Recogniser::builtin().expect("gazetteer");
    let json = newsdesk::generate::store_json(7, builtin.organisations(), 2_000, 7_500);
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let store = newsdesk::store::Store::from_json_str("bench", &json).expect("loads");
        times.push(start.elapsed());
        drop(std::hint::black_box(store));
    }
    times.sort();
    eprintln!("median {:?}", times[1]);
}
