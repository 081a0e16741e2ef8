# frozen_string_literal: true

# The effective settings (`sshd -T`) rather than sshd_config itself: Ubuntu and Amazon Linux set
# several of them in drop-in files under /etc/ssh/sshd_config.d/.
sshd_effective = command('sudo sshd -T').stdout

control 'sshd-01' do
  impact 1.0
  title 'SSH accepts keys only, and no root login with a password'
  desc 'Password and root logins are the first things scanners try.'

  describe 'effective sshd settings' do
    subject { sshd_effective }
    it { should match(/^passwordauthentication no$/) }
    it { should match(/^permitrootlogin (no|prohibit-password|without-password)$/) }
    it { should match(/^permitemptypasswords no$/) }
    it { should match(/^x11forwarding no$/) }
    it { should match(/^maxauthtries [1-4]$/) }
  end
end

control 'sshd-02' do
  impact 0.7
  title 'SSH host keys were made by this instance, not baked into the image'
  desc 'Host keys baked into an image are shared by every instance launched from it.'

  # The build deletes the host keys; an instance makes its own at first boot, so they must be
  # younger than its boot.
  boot_time = command('date -d "$(uptime -s)" +%s').stdout.strip.to_i
  command('ls /etc/ssh/ssh_host_*_key 2>/dev/null').stdout.split.each do |key|
    describe file(key) do
      its('mtime') { should be >= boot_time - 60 }
      its('mode') { should cmp '0600' }
    end
  end
end

control 'sshd-03' do
  impact 0.5
  title 'Only the default user has a login shell'
  desc 'Accounts with a shell are accounts someone can log in to.'

  users.shells(/sh$/).usernames.reject { |name| name == 'root' }.each do |name|
    describe "account #{name}" do
      subject { name }
      it { should eq input('ssh_user') }
    end
  end
end
