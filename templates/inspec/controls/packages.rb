# frozen_string_literal: true

# What the image must and must not carry; adapt the lists through the profile's inputs.
control 'packages-01' do
  impact 0.7
  title 'Required packages are installed'
  desc 'The image ships the packages its services and operators rely on.'

  input('required_packages').each do |name|
    describe package(name) do
      it { should be_installed }
    end
  end
end

control 'packages-02' do
  impact 1.0
  title 'Legacy clear-text services are not installed'
  desc 'Packages that send credentials in clear text have no place in a base image.'

  input('forbidden_packages').each do |name|
    describe package(name) do
      it { should_not be_installed }
    end
  end
end

control 'packages-03' do
  impact 0.5
  title 'No security updates are pending'
  desc 'The build upgrades every package, so the image starts with none outstanding.'
  only_if('apt-based systems') { command('apt-get').exist? }

  describe command('apt-get -s -o Debug::NoLocking=1 upgrade | grep -c "^Inst.*security"') do
    its('stdout.strip') { should cmp 0 }
  end
end
